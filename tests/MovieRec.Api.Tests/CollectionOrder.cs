using MovieRec.Testing;

// The classes that mostly wait start first, so their waits run beside the other tests.
[assembly: TestCollectionOrderer("MovieRec.Testing.StartFirstOrderer", "MovieRec.Testing")]
