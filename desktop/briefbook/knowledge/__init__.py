"""Knowledge built from mentions: figures with meaning (measure, subject, period,
approximation), read from an article's text and extracted facts.

Pure logic over ``core`` and shipped data files (``resources/knowledge/``): no
store, no Qt, no wing.  The services layer feeds it extraction output and stores
what it returns.

    from briefbook.knowledge.figures import read_figures
    from briefbook.knowledge.measures import Vocabulary, default_vocabulary
    from briefbook.knowledge.display import format_figure
"""
