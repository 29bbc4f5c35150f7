package dev.apiorm.test;

/**
 * Records for the fake API of an {@link ApiOrmTest}: each bean of this type seeds the
 * fake before every test method, after the fake was emptied, so that every test starts
 * from the same data.
 */
@FunctionalInterface
public interface ApiOrmTestData {

	/**
	 * Adds records to the fake API.
	 * @param api the fake API, with the models of the test's context
	 */
	void seed(FakeApi api);

}
