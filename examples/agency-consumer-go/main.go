// Command agency-consumer reads the TIC platform's events from JetStream as an agency (CONTRACT.md,
// Events, way 2): it connects as the agency's own NATS user with its own inbox prefix, creates its
// durable consumer (named after the user) if needed, and pulls, prints and acknowledges the events.
//
// Settings come from the environment, as DST's POST /api/v1/agencies/{orgId}/nats-user answered them:
// NATS_URL, NATS_USER, NATS_PASSWORD. With -idle it stops once no event came for that long, else it
// keeps reading; the durable remembers the position, so a restart continues where it stopped.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/nats-io/nats.go"
)

const stream = "TIC_EVENTS"

// cloudEvent is the part of each CloudEvents 1.0 document this example prints.
type cloudEvent struct {
	ID               string          `json:"id"`
	Type             string          `json:"type"`
	Subject          string          `json:"subject"`
	AggregateVersion int             `json:"aggregateversion"`
	Data             json.RawMessage `json:"data"`
}

func main() {
	idle := flag.Duration("idle", 0, "stop after this long without an event (0: keep reading)")
	flag.Parse()
	url, user, password := os.Getenv("NATS_URL"), os.Getenv("NATS_USER"), os.Getenv("NATS_PASSWORD")
	if url == "" || user == "" || password == "" {
		log.Fatal("set NATS_URL, NATS_USER and NATS_PASSWORD")
	}

	// The server lets the agency receive replies only under _INBOX_<user>.
	nc, err := nats.Connect(url, nats.UserInfo(user, password), nats.CustomInboxPrefix("_INBOX_"+user))
	if err != nil {
		log.Fatalf("connect: %v", err)
	}
	defer nc.Close()
	js, err := nc.JetStream()
	if err != nil {
		log.Fatalf("jetstream: %v", err)
	}

	// The only consumer the agency may create: a durable named after its user, on every event.
	if _, err := js.ConsumerInfo(stream, user); errors.Is(err, nats.ErrConsumerNotFound) {
		_, err = js.AddConsumer(stream, &nats.ConsumerConfig{
			Durable:       user,
			FilterSubject: "tic.events.>",
			AckPolicy:     nats.AckExplicitPolicy,
			DeliverPolicy: nats.DeliverAllPolicy,
		})
		if err != nil {
			log.Fatalf("create durable %s: %v", user, err)
		}
	} else if err != nil {
		log.Fatalf("durable %s: %v", user, err)
	}

	sub, err := js.PullSubscribe("tic.events.>", user, nats.Bind(stream, user))
	if err != nil {
		log.Fatalf("bind to durable %s: %v", user, err)
	}
	lastEvent := time.Now()
	for *idle == 0 || time.Since(lastEvent) < *idle {
		messages, err := sub.Fetch(100, nats.MaxWait(time.Second))
		if err != nil && !errors.Is(err, nats.ErrTimeout) {
			log.Fatalf("fetch: %v", err)
		}
		for _, message := range messages {
			var event cloudEvent
			if err := json.Unmarshal(message.Data, &event); err != nil {
				// Not a CloudEvent: left unacknowledged, so that it is redelivered to a fixed consumer.
				log.Printf("skipping a message on %s: %v", message.Subject, err)
				continue
			}
			fmt.Printf("%s %s %s v%d\n", event.Type, event.ID, event.Subject, event.AggregateVersion)
			// Acknowledge only after the event is handled: JetStream redelivers what is not acknowledged.
			if err := message.Ack(); err != nil {
				log.Fatalf("ack: %v", err)
			}
			lastEvent = time.Now()
		}
	}
}
