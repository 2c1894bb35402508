// The query language lives here.
