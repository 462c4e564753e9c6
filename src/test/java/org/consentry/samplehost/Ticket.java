package org.consentry.samplehost;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;
import org.consentry.client.Personal;
import org.consentry.client.PersonalFields;
import org.consentry.client.RetainUntil;
import org.consentry.client.Retained;
import org.consentry.client.RetainedRows;
import org.consentry.client.SealedText;
import org.consentry.client.SubjectId;

/**
 * The helpdesk's own ticket: the customer's name, e-mail and message are its personal fields, and the row
 * is kept for Consentry's policy of the transcript category, guarded by nothing but the client jar's
 * annotations. Sealed columns are sized for base64 of value + 28 bytes.
 */
@Entity
@Table(name = "helpdesk_ticket")
@Cacheable(false)
@EntityListeners({PersonalFields.class, RetainedRows.class})
@Retained(category = "transcript")
public class Ticket {

    @Id
    @Column(length = 36)
    private String id;

    @SubjectId
    @Column(name = "customer_id", nullable = false, length = 128)
    private String customer;

    @Personal(purpose = "helpdesk-tickets")
    @Convert(converter = SealedText.class)
    @Column(name = "customer_name", length = 400)
    private String name;

    @Personal(purpose = "helpdesk-tickets")
    @Convert(converter = SealedText.class)
    @Column(length = 400)
    private String email;

    @Personal(purpose = "helpdesk-tickets", category = "transcript")
    @Convert(converter = SealedText.class)
    @Column(length = 3000)
    private String message;

    @Column(length = 16, nullable = false)
    private String status;

    @RetainUntil
    @Column(name = "retain_until", nullable = false)
    private LocalDateTime retainUntil;

    protected Ticket() {
    }

    public Ticket(String customer, String name, String email, String message) {
        this.id = UUID.randomUUID().toString();
        this.customer = customer;
        this.name = name;
        this.email = email;
        this.message = message;
        this.status = "open";
    }

    public String id() {
        return id;
    }

    public String customer() {
        return customer;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String message() {
        return message;
    }

    public String status() {
        return status;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
