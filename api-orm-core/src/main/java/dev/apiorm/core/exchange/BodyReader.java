package dev.apiorm.core.exchange;

import org.springframework.http.HttpHeaders;

/**
 * Decodes a body, as bytes, into what the operation of a request returns (a record, a
 * page), as the engine does with a body that arrives: what a policy that answers from
 * bytes it kept (an HTTP cache) gives the caller. Found in the request's
 * {@link ExchangeAttributes#BODY_READER} attribute.
 */
@FunctionalInterface
public interface BodyReader {

	/**
	 * Decodes a body.
	 * @param request the request the body answers, named in errors
	 * @param body the body's bytes, not empty
	 * @param headers the headers that came with it
	 * @return the decoded body
	 * @throws dev.apiorm.exception.ApiDecodeException when the body is not what the
	 * operation expects
	 */
	Object read(ExchangeRequest request, byte[] body, HttpHeaders headers);

}
