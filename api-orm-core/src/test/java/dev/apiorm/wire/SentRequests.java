package dev.apiorm.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * What a WireMock server received, oldest first, one line each: {@code METHOD url} and,
 * when there was a body, {@code " " + body}.
 */
public final class SentRequests {

	private SentRequests() {
	}

	public static List<String> of(WireMockExtension wire) {
		List<ServeEvent> events = new ArrayList<>(wire.getAllServeEvents());
		Collections.reverse(events);
		List<String> requests = new ArrayList<>();
		for (ServeEvent event : events) {
			String body = event.getRequest().getBodyAsString();
			requests.add(event.getRequest().getMethod() + " " + event.getRequest().getUrl()
					+ ((body == null || body.isEmpty()) ? "" : " " + body));
		}
		return requests;
	}

}
