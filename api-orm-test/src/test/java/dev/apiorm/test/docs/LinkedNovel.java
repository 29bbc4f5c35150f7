package dev.apiorm.test.docs;

import org.springframework.data.annotation.Reference;

import dev.apiorm.ApiModel;
import dev.apiorm.Hyperlinked;

/**
 * A novel whose API writes its author as a link, as DRF's
 * {@code HyperlinkedModelSerializer} does.
 */
@ApiModel(endpoint = "/api/v1/linked-novels/")
public class LinkedNovel {

	private Long id;

	// tag::hyperlinked-relation[]
	@Reference
	@Hyperlinked // the API sends "author": "https://api.example.com/api/v1/authors/7/"
	private Author author;

	// end::hyperlinked-relation[]

	public Long getId() {
		return this.id;
	}

	public Author getAuthor() {
		return this.author;
	}

}
