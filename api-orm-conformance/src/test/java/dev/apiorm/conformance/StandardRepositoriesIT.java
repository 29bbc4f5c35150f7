package dev.apiorm.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.apiorm.ApiOrm;
import dev.apiorm.repository.support.ApiRepositoryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repository that extends only Spring Data's standard interfaces, against the real DRF
 * server: its records, and the requests the contract costs there.
 */
class StandardRepositoriesIT {

	static final Queue<String> sent = new ConcurrentLinkedQueue<>();

	static ApiOrm orm;

	static Members members;

	@BeforeAll
	static void start() {
		ExchangeFilterFunction recorder = ExchangeFilterFunction.ofRequestProcessor((ClientRequest request) -> {
			sent.add(request.method() + " " + request.url().getRawPath()
					+ ((request.url().getRawQuery() != null) ? "?" + request.url().getRawQuery() : ""));
			return reactor.core.publisher.Mono.just(request);
		});
		orm = DrfServer.get()
			.client()
			.pageSize(3)
			.clientCustomizer((name, builder) -> builder.filter(recorder))
			.build();
		members = new ApiRepositoryFactory(orm.templates()).getRepository(Members.class);
	}

	@AfterAll
	static void close() {
		orm.close();
	}

	@Test
	void crudContractOnARealServer() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<Member> created = members.saveAll(
				List.of(member("Ann", tag, 30), member("Bob", tag, 40), member("Cy", tag, 50), member("Di", tag, 60)));
		List<Long> ids = new ArrayList<>();
		created.forEach((member) -> ids.add(member.getId()));
		assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
		sent.clear();

		List<Member> found = members.findAllById(List.of(ids.get(2), ids.get(0), ids.get(3), ids.get(1)));
		assertThat(found).extracting(Member::getId).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(sent).allMatch((request) -> request.startsWith("GET /api/v1/users/?id__in="))
			.hasSize(2)
			.as("four records at three per page: one id__in query and its second page");

		Page<Member> page = members.findAll(PageRequest.of(0, 2, Sort.by("id").descending()));
		assertThat(page.getContent()).hasSize(2);
		assertThat(page.getContent().get(0).getId()).isGreaterThan(page.getContent().get(1).getId());

		members.deleteAllById(List.of(ids.get(0), ids.get(1)));
		assertThat(members.existsById(ids.get(0))).isFalse();
		assertThat(members.findAllById(ids)).extracting(Member::getId)
			.containsExactlyInAnyOrder(ids.get(2), ids.get(3));
		members.deleteAll(members.findAllById(ids));
		assertThat(members.findAllById(ids)).isEmpty();
	}

	private static Member member(String name, String tag, int age) {
		return new Member(name + " " + tag, name.toLowerCase() + "." + tag + "@example.com", "member", age);
	}

	interface Members extends ListCrudRepository<Member, Long>, ListPagingAndSortingRepository<Member, Long> {

	}

}
