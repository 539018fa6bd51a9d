from jewelbench.cli import main

raise SystemExit(main())
