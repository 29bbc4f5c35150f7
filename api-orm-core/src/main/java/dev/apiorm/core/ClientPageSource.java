package dev.apiorm.core;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.page.PageSource;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.RecordsReader;

/**
 * The pages of one client: its URLs, and a {@code GET} through its exchange executor
 * (limits, observation, retries) decoded by the dialect.
 */
final class ClientPageSource implements PageSource {

	private final ResourceUrls urls;

	private final ExchangeExecutor executor;

	private final RecordBodies bodies;

	ClientPageSource(ResourceUrls urls, ExchangeExecutor executor, RecordBodies bodies) {
		this.urls = urls;
		this.executor = executor;
		this.bodies = bodies;
	}

	@Override
	public String collectionUrl(ApiPersistentEntity<?> entity, String... parameterGroups) {
		return this.urls.collection(entity, parameterGroups);
	}

	@Override
	public String nextUrl(ApiPersistentEntity<?> entity, String pageUrl, String link) {
		return this.urls.next(entity, pageUrl, link);
	}

	@Override
	public String display(String url) {
		return Urls.display(url);
	}

	@Override
	public <R> Mono<PageResult<R>> fetch(ApiPersistentEntity<?> entity, String operation, String url,
			RecordsReader<R> records) {
		Exchange exchange = new Exchange(entity, operation, HttpMethod.GET, URI.create(url), null, false);
		return this.executor.execute(exchange, this.bodies.page(entity, url, records));
	}

}
