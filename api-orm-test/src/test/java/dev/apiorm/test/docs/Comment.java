package dev.apiorm.test.docs;

import java.time.Instant;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;

import dev.apiorm.ApiModel;

/**
 * An audited model of the docs' examples.
 */
// tag::audited-model[]
@ApiModel(endpoint = "/api/v1/comments/")
public class Comment {

	private Long id;

	private String text;

	@CreatedDate
	private Instant createdAt;

	@LastModifiedDate
	private Instant modifiedAt;

	@CreatedBy
	private String author;

	// constructors, getters and setters
	// end::audited-model[]

	public Comment() {
	}

	public Comment(String text) {
		this.text = text;
	}

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

	public Instant getModifiedAt() {
		return this.modifiedAt;
	}

	public void setModifiedAt(Instant modifiedAt) {
		this.modifiedAt = modifiedAt;
	}

	public String getAuthor() {
		return this.author;
	}

	public void setAuthor(String author) {
		this.author = author;
	}

}
