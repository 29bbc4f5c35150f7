package dev.apiorm.core.exchange;

/**
 * Names of the {@link ExchangeRequest#attribute(String) request attributes} through which
 * a policy asks the request on the wire for more than the decoded body, and through which
 * the engine gives policies what they need to answer a request themselves.
 */
public final class ExchangeAttributes {

	/**
	 * {@link Boolean#TRUE} to have the body's bytes kept in the response
	 * ({@link ExchangeResponse#bodyBytes()}), besides the decoded body.
	 */
	public static final String KEEP_BODY = "dev.apiorm.exchange.keep-body";

	/**
	 * {@link Boolean#TRUE} to have a {@code 304 Not Modified} given as a response
	 * ({@link ExchangeResponse#notModified}) instead of an error, for a conditional
	 * request the policy sent.
	 */
	public static final String ACCEPT_NOT_MODIFIED = "dev.apiorm.exchange.accept-not-modified";

	/**
	 * The {@link BodyReader} of the request's operation, set by the engine on every
	 * request whose operation reads a body, of a client that has
	 * {@link ExchangePolicy.Stage#CALL call} policies: how bytes become what the
	 * operation returns.
	 */
	public static final String BODY_READER = "dev.apiorm.exchange.body-reader";

	private ExchangeAttributes() {
	}

}
