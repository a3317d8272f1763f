"""Keep numpy's BLAS on one thread while natasha runs.

natasha's NER multiplies small matrices; with OpenBLAS's default thread pool each call wakes one
thread per core, and on a shared machine those threads spin against each other: a 300-character
sentence took 0.26 s instead of 0.01 s. Parallelism here comes from worker processes instead
(``depersonalize_many``).
"""

from __future__ import annotations

import ctypes
import glob
import os
import sys

_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def single_thread_blas() -> None:
    if "numpy" not in sys.modules:
        for name in _VARIABLES:
            os.environ.setdefault(name, "1")
        return
    # numpy is loaded already: its OpenBLAS read the variables at load time, so ask it directly.
    import numpy

    folder = os.path.join(os.path.dirname(numpy.__file__), os.pardir, "numpy.libs")
    for path in glob.glob(os.path.join(folder, "libscipy_openblas*")):
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for symbol in ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads"):
            setter = getattr(library, symbol, None)
            if setter is not None:
                setter(1)
                return
