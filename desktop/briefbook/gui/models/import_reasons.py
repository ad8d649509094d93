"""Why a file could not be imported, in the UI language.

The readers (ingest/) give each failure a stable code and its values (see
ingest/errors.py); the import report words it here.  A reason without a known
code is shown in the readers' English, as stored."""

from __future__ import annotations

from ..runtime.i18n import N_, _

_FORMATS = {"txt": N_("text file"), "md": N_("Markdown file"), "html": N_("HTML page"), "docx": N_("Word file"),
            "pdf": N_("PDF")}

_REASONS = {
    "unsupported_type": N_("unsupported file type '{type}' (supported: {supported})"),
    "empty": N_("the file is empty"),
    "out_of_memory": N_("the file needs more memory to read than is available; skipped"),
    "too_deep": N_("the {format} is nested too deeply to read"),
    "damaged": N_("the {format} is damaged and cannot be read ({detail})"),
    "no_text": N_("no readable text was found in the file"),
    "text_too_long": N_("the text is too long for one article ({chars} characters; the limit is {limit}); "
                        "split it into several files"),
    "binary_not_html": N_("this is a binary file, not an HTML page"),
    "html_no_text": N_("the HTML page has no article text (only navigation, scripts or markup)"),
    "docx_not_zip": N_("the Word file is damaged (not a valid .docx zip archive)"),
    "zip_bomb": N_("the file expands to an implausible size (a compression bomb?); refused"),
    "docx_encrypted": N_("the Word file is encrypted (password-protected); open it in Word and save it "
                         "without a password"),
    "docx_not_word": N_("the file is a zip archive but not a Word document"),
    "xml_entities": N_("the Word file declares XML entities; refused for safety"),
    "unreadable": N_("the file cannot be read ({detail})"),
    "not_pdf": N_("the file is not a PDF (no %PDF header)"),
    "pdf_too_many_pages": N_("the PDF has {pages} pages; Briefbook reads articles of up to {limit} pages"),
    "pdf_too_slow": N_("reading the PDF's text takes too long (over {seconds} s after {read} of {pages} pages); "
                       "skipped"),
    "pdf_encrypted": N_("the PDF is encrypted; open it and save a copy without a password"),
    "pdf_aes": N_("the PDF is encrypted with AES; not supported by this installation"),
    "pdf_no_text_layer": N_("the PDF has no text layer (a scan?); Briefbook does not run OCR"),
    "pdf_encryption_unsupported": N_("the PDF uses an encryption Briefbook cannot open ({detail})"),
    "symlink_loop": N_("the path is a symbolic link loop"),
    "broken_symlink": N_("the path is a symbolic link whose target does not exist"),
    "not_found": N_("the file does not exist"),
    "path_not_found": N_("the path does not exist"),
    "permission_denied": N_("permission denied: the file cannot be read"),
    "name_too_long": N_("the file name is too long"),
    "folder": N_("this is a folder, not a file"),
    "fifo": N_("this is a named pipe (FIFO), not a file; skipped"),
    "socket": N_("this is a socket, not a file; skipped"),
    "device": N_("this is a device, not a file; skipped"),
    "not_regular": N_("this is not a regular file; skipped"),
    "system_file": N_("the file is part of the operating system, not an article; skipped"),
    "too_large": N_("the file is too large ({size_mb} MB; the limit for this type is {limit_mb} MB)"),
    "too_large_over": N_("the file is too large (over {limit_mb} MB)"),
    "folder_unreadable": N_("the folder cannot be read ({detail}); its files were skipped"),
    "bad_encoding": N_("the file looks {encoding}-encoded but is not valid {encoding} text"),
    "binary": N_("this is a binary file, not text"),
    "unknown_encoding": N_("the text encoding could not be recognised"),
    "paste_empty": N_("the pasted text is empty"),
    "paste_too_large": N_("the pasted text is too large (over {limit_mb} MB)"),
    "not_stored": N_("not stored: {detail}"),
}


def failure_reason(code: str | None, params: dict | None, fallback: str) -> str:
    """The reason of a failed file in the UI language; ``fallback`` (as stored) for an unknown code."""
    template = _REASONS.get(code or "")
    if template is None:
        return fallback
    values = dict(params or {})
    if "format" in values:
        values["format"] = _(_FORMATS.get(str(values["format"]), str(values["format"])))
    if code == "unsupported_type" and not values.get("type"):
        values["type"] = _("no extension")
    try:
        return _(template).format(**values)
    except (KeyError, IndexError, ValueError):  # a code whose values changed: the stored text is still right
        return fallback


# Why an imported text should be checked (ingest.errors.IngestWarning codes).
_WARNINGS = {
    "undecodable": N_("the text holds many undecodable or control characters (a wrong encoding?); check it"),
    "chars_lost": N_("characters that could not be decoded (damaged bytes) are missing from the text: {count}; "
                     "check it"),
    "mojibake": N_("the text looks like UTF-8 read in a Western encoding (mojibake such as 'Ã©'); check it"),
    "rare_characters": N_("the text is mostly rare characters, not ordinary Chinese, Japanese, German or English "
                          "(a wrong encoding?); check it"),
}


def warning_text(codes: list | None, fallback: str) -> str:
    """The warnings of an imported file in the UI language, one after the other;
    ``fallback`` (the English text) when one has no known code."""
    texts = []
    for code, params in codes or []:
        template = _WARNINGS.get(code or "")
        if template is None:
            return fallback
        try:
            texts.append(_(template).format(**dict(params or {})))
        except (KeyError, IndexError, ValueError):
            return fallback
    return "; ".join(texts) or fallback
