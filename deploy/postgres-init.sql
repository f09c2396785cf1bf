-- One database per service: no service reads another's tables.
CREATE DATABASE menu;
CREATE DATABASE programmes;
CREATE DATABASE capacity;
