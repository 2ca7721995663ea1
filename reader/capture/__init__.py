"""Reading saved copies of the original site into page files, word for word, with provenance.
Never imports Qt.

run.py is the entry point (`import_saved_copies`); sources/ reads the inputs (folders, zip
files, web archives) within limits; decoding, html_capture, furniture and text_capture turn a
capture into a page's blocks; addresses maps every copy back to the original address;
candidates and parse_cache hold one capture read; held is what the archive already has; plan/
decides every page, slug and link; placement writes course.yaml's sections; new_archive starts
an archive from the bundled one; transaction writes everything or nothing; report says what
happened; importer is the one-file form of it all.
"""
