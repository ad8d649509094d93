"""Qt item models and what they show: the paged library and fact tables, the book outline tree, fact kinds' labels and colours, text offsets, drag data."""
