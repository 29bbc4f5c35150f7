package dev.apiorm.wire;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.apiorm.fixtures.User;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DRF's CursorPagination: opaque {@code cursor} links and no count. The endpoint's paging
 * is learnt from its first answer; a window that starts later is walked to from the first
 * page, never taken from wherever the server starts.
 */
class CursorPagingWireTests extends WireTestSupport {

	private static String cursorPage(String next, boolean first, String... records) {
		return "{\"next\":"
				+ ((next != null) ? "\"" + wire.baseUrl() + "/api/v1/users/?cursor=" + next + "&page_size=2\"" : "null")
				+ ",\"previous\":"
				+ (first ? "null" : "\"" + wire.baseUrl() + "/api/v1/users/?cursor=back&page_size=2\"")
				+ ",\"results\":[" + String.join(",", records) + "]}";
	}

	@Test
	void aWindowThatStartsLaterIsWalkedToFromTheFirstPage() {
		// The server ignores limit and offset: it serves its first page.
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=4"))
			.willReturn(okJson(cursorPage("c2", true, user(1, "Ann"), user(2, "Bob")))));
		stub(get(urlEqualTo("/api/v1/users/?page_size=2"))
			.willReturn(okJson(cursorPage("c2", true, user(1, "Ann"), user(2, "Bob")))));
		stub(get(urlEqualTo("/api/v1/users/?cursor=c2&page_size=2"))
			.willReturn(okJson(cursorPage("c3", false, user(3, "Cid"), user(4, "Dan")))));
		stub(get(urlEqualTo("/api/v1/users/?cursor=c3&page_size=2"))
			.willReturn(okJson(cursorPage(null, false, user(5, "Eve"), user(6, "Fay")))));
		List<String> window = this.users.all().slice(4, 6).list().stream().map(User::getName).toList();
		assertThat(window).containsExactly("Eve", "Fay");
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=2&offset=4", "GET /api/v1/users/?page_size=2",
				"GET /api/v1/users/?cursor=c2&page_size=2", "GET /api/v1/users/?cursor=c3&page_size=2");
		wire.resetRequests();
		// Learnt: the next window is asked for in cursors at once.
		assertThat(this.users.all().slice(0, 2).list()).extracting(User::getName).containsExactly("Ann", "Bob");
		assertThat(sent()).containsExactly("GET /api/v1/users/?page_size=2");
	}

	@Test
	void iterationFollowsTheCursorsToTheEnd() {
		stub(get(urlEqualTo("/api/v1/users/?limit=2"))
			.willReturn(okJson(cursorPage("c2", true, user(1, "Ann"), user(2, "Bob")))));
		stub(get(urlEqualTo("/api/v1/users/?cursor=c2&page_size=2"))
			.willReturn(okJson(cursorPage(null, false, user(3, "Cid")))));
		assertThat(this.users.all().stream().map(User::getName)).containsExactly("Ann", "Bob", "Cid");
		// Without a count, the records are counted over the cursors, in the paging
		// learnt.
		stub(get(urlEqualTo("/api/v1/users/?page_size=1")).willReturn(okJson(cursorPage("c2", true, user(1, "Ann")))));
		stub(get(urlEqualTo("/api/v1/users/?page_size=2"))
			.willReturn(okJson(cursorPage("c2", true, user(1, "Ann"), user(2, "Bob")))));
		assertThat(this.users.all().count()).isEqualTo(3);
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=2", "GET /api/v1/users/?cursor=c2&page_size=2",
				"GET /api/v1/users/?page_size=1", "GET /api/v1/users/?page_size=2",
				"GET /api/v1/users/?cursor=c2&page_size=2");
	}

}
