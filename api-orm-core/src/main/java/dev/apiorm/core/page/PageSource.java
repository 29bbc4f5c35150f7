package dev.apiorm.core.page;

import reactor.core.publisher.Mono;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.RecordsReader;

/**
 * Where a {@link WindowReader} gets its pages: the client's URLs and exchanges, so that
 * the reader knows nothing of HTTP.
 */
public interface PageSource {

	/**
	 * The URL of a model's collection with query parameters.
	 * @param entity the model
	 * @param parameterGroups encoded parameters, each joined with {@code &}; empty ones
	 * are left out
	 * @return the absolute URL
	 */
	String collectionUrl(ApiPersistentEntity<?> entity, String... parameterGroups);

	/**
	 * A next-page link made absolute against the page that held it.
	 * @param entity the model
	 * @param pageUrl the URL of the page that held the link
	 * @param link the link
	 * @return the absolute URL
	 * @throws dev.apiorm.exception.ApiDecodeException when the link must not be followed
	 */
	String nextUrl(ApiPersistentEntity<?> entity, String pageUrl, String link);

	/**
	 * A URL of this source as messages show it: without the user info (a password) the
	 * base URL may hold.
	 * @param url the URL
	 * @return what messages show
	 */
	String display(String url);

	/**
	 * Fetches and decodes the page at a URL.
	 * @param entity the model
	 * @param operation the operation, as metrics and messages name it
	 * @param url the page's URL
	 * @param records reads the page's records
	 * @param <R> the record type
	 * @return the page
	 */
	<R> Mono<PageResult<R>> fetch(ApiPersistentEntity<?> entity, String operation, String url,
			RecordsReader<R> records);

}
