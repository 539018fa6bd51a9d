"""Use cases: one function per action, one transaction each, views out, errors for refusals."""
