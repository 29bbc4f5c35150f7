package dev.apiorm.conformance;

/**
 * The running DRF server's address and token, for tests in other packages.
 */
public final class DrfServerAccess {

	private DrfServerAccess() {
	}

	public static String baseUrl() {
		return DrfServer.get().baseUrl();
	}

	public static String token() {
		return DrfServer.get().token();
	}

}
