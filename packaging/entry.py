"""Entry point of the frozen Briefbook app (PyInstaller runs this file as ``__main__``).

Keep it tiny.  Briefbook's import and extraction use ``ProcessPoolExecutor`` with
the *spawn* context: each worker is a fresh copy of this executable started with
``--multiprocessing-fork`` style arguments.  ``multiprocessing.freeze_support()``
must run before anything else so that such a child turns into a worker (and never
reaches argparse or Qt); in a normal, unfrozen run it does nothing.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from briefbook.cli import main

    sys.exit(main())
