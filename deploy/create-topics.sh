#!/bin/sh
# Creates the topics of deploy/topics.yaml on the compose stack's single Kafka broker.
set -eu
for topic in menu.activity.v1 menu.occurrence.v1 programmes.partner.v1 programmes.programme.v1 \
             capacity.request.v1 programmes.partner.v1.dlq menu.activity.v1.dlq; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists \
    --topic "$topic" --partitions 6 --replication-factor 1
done
