def form_text(value):
    """The text a person typed in a form field, stripped: "" for anything that is not text
    (a file sent under the field's name, say), and without NUL characters, which
    PostgreSQL cannot store (a NUL in a form would end the request in a server error)."""
    if not isinstance(value, str):
        return ""
    return value.replace("\x00", "").strip()
