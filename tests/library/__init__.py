"""Using scormkit as a library and trusting its docs: public names, examples, README and guide."""
