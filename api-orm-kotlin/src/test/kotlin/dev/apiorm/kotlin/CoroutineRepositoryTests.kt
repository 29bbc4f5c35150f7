package dev.apiorm.kotlin

import dev.apiorm.exception.MultipleObjectsReturnedException
import dev.apiorm.exception.DoesNotExistException
import dev.apiorm.test.ApiOrmTest
import dev.apiorm.test.FakeApi
import kotlinx.coroutines.flow.flowOf
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatExceptionOfType
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.data.domain.PageRequest
import org.springframework.data.domain.Sort

/**
 * `CoroutineCrudRepository`, `CoroutineSortingRepository`, and derived queries that
 * suspend or return a `Flow`, against the fake API, with the requests they send.
 */
@ApiOrmTest(properties = ["api-orm.page-size=10"])
class CoroutineRepositoryTests {

	@Autowired
	lateinit var books: KBookCoroutineRepository

	@Autowired
	lateinit var api: FakeApi

	@BeforeEach
	fun seed() {
		api.seed(KBook::class.java, listOf(KBook(title = "Kotlin", pages = 300, genre = "lang"),
			KBook(title = "Coroutines", pages = 120, genre = "lang"), KBook(title = "Dune", pages = 600, genre = "sf")))
	}

	@Test
	fun crudMethodsSuspend(): Unit = runBlocking {
		val found = books.findById(2)
		val missing = books.findById(9)
		val exists = books.existsById(3)
		val count = books.count()
		val saved = books.save(KBook(title = "Arrow", pages = 90, genre = "lang"))
		val replaced = books.save(saved.copy(pages = 95))
		books.deleteById(1)

		assertThat(found).isEqualTo(KBook(id = 2, title = "Coroutines", pages = 120, genre = "lang"))
		assertThat(missing).isNull()
		assertThat(exists).isTrue()
		assertThat(count).isEqualTo(3)
		assertThat(saved).isEqualTo(KBook(id = 4, title = "Arrow", pages = 90, genre = "lang"))
		assertThat(replaced.pages).isEqualTo(95)
		assertThat(api.requests()).containsExactly("GET /books/2/", "GET /books/9/", "GET /books/3/",
			"GET /books/?limit=1", """POST /books/ {"title":"Arrow","pages":90,"genre":"lang"}""",
			"""PUT /books/4/ {"id":4,"title":"Arrow","pages":95,"genre":"lang"}""", "DELETE /books/1/")
		assertThat(api.records(KBook::class.java).map { it.title }).containsExactly("Coroutines", "Dune", "Arrow")
	}

	@Test
	fun flowsOfTheCrudAndSortingMethods(): Unit = runBlocking {
		val all = books.findAll().map { it.title }.toList()
		val sorted = books.findAll(Sort.by("pages")).map { it.pages }.toList()
		val some = books.findAllById(listOf(1L, 3L)).map { it.title }.toList()
		val created = books.saveAll(flowOf(KBook(title = "A"), KBook(title = "B"))).map { it.id }.toList()

		assertThat(all).containsExactly("Kotlin", "Coroutines", "Dune")
		assertThat(sorted).containsExactly(120, 300, 600)
		assertThat(some).containsExactlyInAnyOrder("Kotlin", "Dune")
		assertThat(created).containsExactly(4L, 5L)
		assertThat(api.requests()).containsExactly("GET /books/?limit=10", "GET /books/?ordering=pages&limit=10",
			"GET /books/?id__in=1,3&limit=10", """POST /books/ {"title":"A","pages":0}""",
			"""POST /books/ {"title":"B","pages":0}""")
	}

	@Test
	fun deletesSuspend(): Unit = runBlocking {
		books.delete(KBook(id = 2, title = "Coroutines"))
		books.deleteAllById(listOf(3L))

		assertThatExceptionOfType(DoesNotExistException::class.java).isThrownBy { runBlocking { books.deleteById(9) } }
		assertThat(api.requests()).containsExactly("DELETE /books/2/", "DELETE /books/3/", "DELETE /books/9/")
		assertThat(api.records(KBook::class.java).map { it.title }).containsExactly("Kotlin")
	}

	@Test
	fun derivedQueriesSuspendOrFlow(): Unit = runBlocking {
		// tag::coroutine-calls[]
		// GET /books/?title=Kotlin&limit=2: one record, or null
		val kotlin = books.findByTitle("Kotlin")
		// GET /books/?genre=lang&ordering=-pages&limit=10, and every next page as it is collected
		val lang = books.findByGenreOrderByPagesDesc("lang").map { it.title }.toList()
		// GET /books/?pages__gt=200&limit=10
		val long = books.findByPagesGreaterThan(200)
		val count = books.countByGenre("lang")
		val exists = books.existsByTitle("Dune")
		// GET /books/?genre=lang&limit=1: the first page and the total
		val page = books.findByGenre("lang", PageRequest.of(0, 1))
		// end::coroutine-calls[]

		assertThat(kotlin).isEqualTo(KBook(id = 1, title = "Kotlin", pages = 300, genre = "lang"))
		assertThat(lang).containsExactly("Kotlin", "Coroutines")
		assertThat(long.map { it.title }).containsExactly("Kotlin", "Dune")
		assertThat(count).isEqualTo(2)
		assertThat(exists).isTrue()
		assertThat(page.totalElements).isEqualTo(2)
		assertThat(page.content.map { it.title }).containsExactly("Kotlin")
		assertThat(api.requests()).containsExactly("GET /books/?title=Kotlin&limit=2",
			"GET /books/?genre=lang&ordering=-pages&limit=10", "GET /books/?pages__gt=200&limit=10",
			"GET /books/?genre=lang&limit=10", "GET /books/?title=Dune&limit=1", "GET /books/?genre=lang&limit=1")
	}

	@Test
	fun aSuspendingSingleResultIsNullWhenNothingMatches(): Unit = runBlocking {
		val none = books.findByTitle("Java")

		assertThat(none).isNull()
		// Then verified results prove on the collection that the API honours `title`.
		assertThat(api.requests()).first().isEqualTo("GET /books/?title=Java&limit=2")
	}

	@Test
	fun aSuspendingSingleResultRefusesMany() {
		api.seed(KBook::class.java, listOf(KBook(title = "Kotlin", pages = 310)))

		assertThatExceptionOfType(MultipleObjectsReturnedException::class.java)
			.isThrownBy { runBlocking { books.findByTitle("Kotlin") } }
	}

}
