package org.consentry.samplehost;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.consentry.client.Personal;
import org.consentry.client.SealedText;
import org.consentry.client.SubjectId;

/**
 * A mistake a host can make: a @Personal field on an entity that forgot @EntityListeners(PersonalFields.class).
 * The converter must stop its write without writing the clear value anywhere, the server's log included.
 */
@Entity
@Table(name = "helpdesk_callback")
@Cacheable(false)
public class CallbackRequest {

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    @SubjectId
    @Column(name = "customer_id", nullable = false, length = 128)
    private String customer;

    @Personal(purpose = "helpdesk-tickets")
    @Convert(converter = SealedText.class)
    @Column(length = 200)
    private String phone;

    protected CallbackRequest() {
    }

    public CallbackRequest(String customer, String phone) {
        this.customer = customer;
        this.phone = phone;
    }
}
