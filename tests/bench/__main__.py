"""`python -m tests.bench` (`make bench`): see tests/bench/run.py for what it does and its knobs."""

from tests.bench.run import main

raise SystemExit(main())
