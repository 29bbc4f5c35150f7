package dev.apiorm.kotlin

import dev.apiorm.test.ApiOrmTest
import dev.apiorm.test.FakeApi
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.springframework.beans.factory.annotation.Autowired

/**
 * Derived queries that suspend or return a `Flow` on a blocking `ApiRepository`: they run
 * on the reactive template, never blocking the coroutine's thread.
 */
@ApiOrmTest(properties = ["api-orm.page-size=10"])
class ApiRepositoryCoroutineTests {

	@Autowired
	lateinit var books: KBookApi

	@Autowired
	lateinit var api: FakeApi

	@BeforeEach
	fun seed() {
		api.seed(KBook::class.java, listOf(KBook(title = "Kotlin", pages = 300, genre = "lang"),
			KBook(title = "Coroutines", pages = 120, genre = "lang"), KBook(title = "Dune", pages = 600, genre = "sf")))
	}

	@Test
	fun aFlowReturnFollowsEveryRecordNotASingleOne(): Unit = runBlocking {
		val titles = books.findByGenre("lang").map { it.title }.toList()

		assertThat(titles).containsExactly("Kotlin", "Coroutines")
		assertThat(api.requests()).containsExactly("GET /books/?genre=lang&limit=10")
	}

	@Test
	fun anApiQueryThatSuspends(): Unit = runBlocking {
		val longReads = books.longReadsIn("lang")

		assertThat(longReads.map { it.title }).containsExactly("Kotlin", "Coroutines")
		assertThat(api.requests()).containsExactly("GET /books/?genre=lang&pages__gte=100&ordering=-pages&limit=10")
	}

	@Test
	fun suspendingQueriesBesideBlockingMethods(): Unit = runBlocking {
		val longest = books.findFirstByGenreOrderByPagesDesc("lang")
		val count = books.countByGenre("sf")
		val blocking = books.get(3)

		assertThat(longest).isEqualTo(KBook(id = 1, title = "Kotlin", pages = 300, genre = "lang"))
		assertThat(count).isEqualTo(1)
		assertThat(blocking.title).isEqualTo("Dune")
		// One record cannot show that the API ignored the ordering: verified results ask for two.
		assertThat(api.requests()).containsExactly("GET /books/?genre=lang&ordering=-pages&limit=2",
			"GET /books/?genre=sf&limit=10", "GET /books/3/")
	}

}
