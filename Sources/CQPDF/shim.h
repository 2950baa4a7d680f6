#ifndef RECOUVRE_CQPDF_SHIM_H
#define RECOUVRE_CQPDF_SHIM_H
// The one header Swift sees of qpdf: its C API (qpdf-c.h), used only by RecouvrePDFAttachments to
// read the files embedded in a PDF (the CII XML of a Factur-X invoice).
#include <stdlib.h>
#include <qpdf/qpdf-c.h>

// qpdf_oh_get_stream_data hands back a buffer allocated with malloc, freed by the caller.
static inline void recouvre_qpdf_free(void *pointer) { free(pointer); }

#endif
