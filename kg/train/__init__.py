"""Models the project trains. ``python -m kg.train ner`` rebuilds the French news NER."""
