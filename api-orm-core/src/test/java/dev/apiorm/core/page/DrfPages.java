package dev.apiorm.core.page;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.PageContext;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.RecordType;
import dev.apiorm.dialect.RecordsReader;

/**
 * A {@link PageSource} without HTTP that answers as Django REST Framework's paginations
 * do over users {@code 1..total} (or as a plain array, the whole collection), the dialect
 * reading the bodies, and keeps the URLs asked for.
 */
final class DrfPages implements PageSource {

	static final String BASE = "http://api.test";

	private final Dialect dialect;

	private final JsonMapper mapper;

	private final int total;

	private final Mode mode;

	private final @Nullable Integer fixedSize;

	private final IntFunction<String> user;

	final List<String> fetched = new CopyOnWriteArrayList<>();

	/** Whether the envelope announces the total. */
	boolean counts = true;

	/**
	 * @param fixedSize the page size the server serves whatever is asked for,
	 * {@code null} to honour {@code limit} and {@code page_size}
	 */
	DrfPages(Dialect dialect, JsonMapper mapper, int total, Mode mode, @Nullable Integer fixedSize,
			IntFunction<String> user) {
		this.dialect = dialect;
		this.mapper = mapper;
		this.total = total;
		this.mode = mode;
		this.fixedSize = fixedSize;
		this.user = user;
	}

	DrfPages(Dialect dialect, JsonMapper mapper, int total, Mode mode) {
		this(dialect, mapper, total, mode, null, (id) -> "{\"id\":" + id + ",\"name\":\"U" + id + "\"}");
	}

	@Override
	public String collectionUrl(ApiPersistentEntity<?> entity, String... parameterGroups) {
		List<String> groups = new ArrayList<>();
		for (String group : parameterGroups) {
			if (!group.isEmpty()) {
				groups.add(group);
			}
		}
		return BASE + entity.getEndpoint() + (groups.isEmpty() ? "" : "?" + String.join("&", groups));
	}

	@Override
	public String nextUrl(ApiPersistentEntity<?> entity, String pageUrl, String link) {
		return link;
	}

	@Override
	public String display(String url) {
		return url;
	}

	@Override
	public <R> Mono<PageResult<R>> fetch(ApiPersistentEntity<?> entity, String operation, String url,
			RecordsReader<R> records) {
		return Mono.fromCallable(() -> {
			this.fetched.add(url.substring(BASE.length()));
			try (JsonParser parser = this.mapper.createParser(body(url))) {
				return this.dialect.readPage(parser, records,
						new PageContext(url, new HttpHeaders(), new RecordType(entity.getEndpoint(), "id")));
			}
		});
	}

	private String body(String url) {
		MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString(url).build().getQueryParams();
		if (this.mode == Mode.ARRAY) {
			return array(0, this.total);
		}
		int start;
		int size;
		String next = null;
		String previous = null;
		if (this.mode == Mode.LIMIT_OFFSET) {
			size = (this.fixedSize != null) ? this.fixedSize : number(query.getFirst("limit"), 100);
			start = number(query.getFirst("offset"), 0);
			if (start + size < this.total) {
				next = link(url, "offset", start + size);
			}
			if (start > 0) {
				previous = link(url, "offset", Math.max(0, start - size));
			}
		}
		else {
			size = (this.fixedSize != null) ? this.fixedSize : number(query.getFirst("page_size"), 100);
			int page = number(query.getFirst("page"), 1);
			start = (page - 1) * size;
			if (start + size < this.total) {
				next = link(url, "page", page + 1);
			}
			if (page > 1) {
				previous = link(url, "page", page - 1);
			}
		}
		return "{" + (this.counts ? "\"count\":" + this.total + "," : "") + "\"next\":" + quoted(next)
				+ ",\"previous\":" + quoted(previous) + ",\"results\":"
				+ array(start, Math.min(this.total, start + size)) + "}";
	}

	private String array(int from, int to) {
		StringBuilder array = new StringBuilder("[");
		for (int id = from + 1; id <= to; id++) {
			array.append((id > from + 1) ? "," : "").append(this.user.apply(id));
		}
		return array.append(']').toString();
	}

	private static String link(String url, String parameter, int value) {
		return UriComponentsBuilder.fromUriString(url).replaceQueryParam(parameter, value).build().toUriString();
	}

	private static String quoted(@Nullable String link) {
		return (link != null) ? "\"" + link + "\"" : "null";
	}

	private static int number(@Nullable String value, int otherwise) {
		return (value != null) ? Integer.parseInt(value) : otherwise;
	}

	/**
	 * How the server pages.
	 */
	enum Mode {

		LIMIT_OFFSET, PAGE_NUMBER, ARRAY

	}

}
