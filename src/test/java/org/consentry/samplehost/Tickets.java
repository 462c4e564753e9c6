package org.consentry.samplehost;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The helpdesk's ticket store: plain JPA, unaware of sealing. */
@ApplicationScoped
@Transactional
public class Tickets {

    @PersistenceContext(unitName = "helpdesk")
    EntityManager em;

    public Ticket open(String customer, String name, String email, String message) {
        Ticket ticket = new Ticket(customer, name, email, message);
        em.persist(ticket);
        em.flush(); // written now, so that the entity holds its clear values again before it is returned
        return ticket;
    }

    public void callBack(String customer, String phone) {
        em.persist(new CallbackRequest(customer, phone));
        em.flush();
    }

    public Optional<Ticket> find(String id) {
        return Optional.ofNullable(em.find(Ticket.class, id));
    }

    public List<Ticket> ofCustomer(String customer) {
        return em.createQuery("SELECT t FROM Ticket t WHERE t.customer = :customer ORDER BY t.id", Ticket.class)
                .setParameter("customer", customer).getResultList();
    }

    public Optional<Ticket> reword(String id, String message) {
        return find(id).map(t -> {
            t.setMessage(message);
            return t;
        });
    }

    public Optional<Ticket> close(String id) {
        return find(id).map(t -> {
            t.setStatus("closed");
            return t;
        });
    }
}
