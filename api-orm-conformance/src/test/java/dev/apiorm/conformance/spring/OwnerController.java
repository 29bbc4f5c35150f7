package dev.apiorm.conformance.spring;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owners as spring-petclinic-rest's v1 API serves them at {@code /api/owners}: a
 * plain list; {@code ?lastName=} matches by prefix ({@code Davis} finds the Davisson
 * too); an empty list answers 404 with no body; {@code POST} answers 201 with a
 * {@code Location}; {@code PUT} and {@code DELETE} answer 204. No paging, no other
 * filter, no ordering: every other parameter is ignored.
 */
@RestController
@RequestMapping("/petclinic/api/owners")
class OwnerController {

	private final StoredOwners owners;

	OwnerController(StoredOwners owners) {
		this.owners = owners;
	}

	@GetMapping
	ResponseEntity<List<StoredOwner>> list(@RequestParam(required = false) @Nullable String lastName) {
		List<StoredOwner> found = (lastName != null) ? this.owners.findByLastNameStartingWithOrderById(lastName)
				: this.owners.findAll(Sort.by("id"));
		return found.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(found);
	}

	@GetMapping("/{id}")
	ResponseEntity<StoredOwner> get(@PathVariable long id) {
		return ResponseEntity.of(this.owners.findById(id));
	}

	@PostMapping
	ResponseEntity<StoredOwner> create(@Valid @RequestBody StoredOwner owner) {
		owner.setId(null);
		StoredOwner saved = this.owners.save(owner);
		return ResponseEntity.created(URI.create("/petclinic/api/owners/" + saved.getId())).body(saved);
	}

	@PutMapping("/{id}")
	ResponseEntity<Void> update(@PathVariable long id, @Valid @RequestBody StoredOwner owner) {
		if (!this.owners.existsById(id)) {
			return ResponseEntity.notFound().build();
		}
		owner.setId(id);
		this.owners.save(owner);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		if (!this.owners.existsById(id)) {
			return ResponseEntity.notFound().build();
		}
		this.owners.deleteById(id);
		return ResponseEntity.noContent().build();
	}

}
