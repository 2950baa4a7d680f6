/// The Python worker that keeps the Typst compiler loaded (docs/pdf.md, "The renderer"). It runs as
/// `python3 -c <source>`, so no file has to be found at run time.
///
/// Protocol over stdin/stdout, every message framed by a header line `<word> <byte count>\n`:
/// - first request `layout N` + N bytes: a JSON object {file name: base64 bytes} (the layout files of
///   forms/pdf/, overrides applied); the worker writes them to a private temporary folder, the
///   compiler's root, and answers `ready 0`;
/// - then `render N` + N bytes: the document's JSON (`PDFDocumentJSON`); answer `pdf N` + the PDF;
/// - any failure answers `error N` + a UTF-8 message; `missing-typst 0` when the package is absent.
/// The worker ends at the end of its input and removes its folder.
enum PDFWorkerScript {
    static let source = #"""
        import base64, json, os, shutil, sys, tempfile
        out = sys.stdout.buffer
        inp = sys.stdin.buffer

        def send(word, payload=b""):
            out.write(b"%s %d\n" % (word.encode(), len(payload)))
            out.write(payload)
            out.flush()

        def receive():
            header = inp.readline()
            if not header:
                return None, None
            word, count = header.decode().split()
            payload = inp.read(int(count))
            return word, payload

        try:
            import typst
        except ImportError:
            send("missing-typst")
            sys.exit(0)

        root = tempfile.mkdtemp(prefix="recouvre-pdf-")
        compiler = None
        try:
            while True:
                word, payload = receive()
                if word is None:
                    break
                try:
                    if word == "layout":
                        for name, data in json.loads(payload).items():
                            path = os.path.join(root, name)
                            os.makedirs(os.path.dirname(path), exist_ok=True)
                            with open(path, "wb") as f:
                                f.write(base64.b64decode(data))
                        compiler = typst.Compiler(
                            input=os.path.join(root, "document.typ"), root=root,
                            font_paths=[os.path.join(root, "fonts")], ignore_system_fonts=True)
                        send("ready")
                    elif word == "render":
                        pdf = compiler.compile(
                            sys_inputs={"document": payload.decode("utf-8")}, pdf_standards=["a-3b"])
                        send("pdf", pdf)
                    else:
                        send("error", ("unknown request " + word).encode())
                except Exception as error:
                    send("error", str(error).encode("utf-8", "replace"))
        finally:
            shutil.rmtree(root, ignore_errors=True)
        """#
}
