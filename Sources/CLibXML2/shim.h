#ifndef RECOUVRE_CLIBXML2_SHIM_H
#define RECOUVRE_CLIBXML2_SHIM_H
// The one header Swift sees of libxml2.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlsave.h>

// Swift 6 refuses to call `xmlFree`, a global function-pointer variable (not concurrency-safe),
// so it is wrapped in a plain function.
static inline void recouvre_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
