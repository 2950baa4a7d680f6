#ifndef RECOUVRE_CLIBXML2_SHIM_H
#define RECOUVRE_CLIBXML2_SHIM_H
// The one header Swift sees of libxml2.
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, so <libxml/encoding.h> would pull in the system's
// <unicode/ucnv.h>, whose UErrorCode clashes with the copy inside Foundation (_FoundationICU) and
// breaks every Swift file that imports both. recouvre never touches the ICU fields of
// xmlCharEncodingHandler (only pointers to it), so the ICU part of the headers is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlsave.h>
#include <libxml/SAX2.h>

// Swift 6 refuses to call `xmlFree`, a global function-pointer variable (not concurrency-safe),
// so it is wrapped in a plain function.
static inline void recouvre_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
