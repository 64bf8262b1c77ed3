-- +goose Up
CREATE TABLE records (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  schema TEXT NOT NULL,
  owner_id BIGINT NOT NULL REFERENCES agencies(id),
  category TEXT NOT NULL DEFAULT '',
  handling TEXT NOT NULL,
  handling_note TEXT NOT NULL DEFAULT '',
  eval_source TEXT NOT NULL DEFAULT '',
  eval_info TEXT NOT NULL DEFAULT '',
  tlp TEXT NOT NULL DEFAULT '',
  scope TEXT NOT NULL,
  victim INTEGER NOT NULL DEFAULT 0,
  child INTEGER NOT NULL DEFAULT 0,
  crime_areas TEXT NOT NULL DEFAULT '',
  legal_basis TEXT NOT NULL DEFAULT '',
  review_date TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  source_id TEXT NOT NULL DEFAULT '',
  caption TEXT NOT NULL DEFAULT '',
  properties TEXT NOT NULL
);
CREATE INDEX records_owner ON records(owner_id, seq);
CREATE INDEX records_schema ON records(schema, seq);
CREATE INDEX records_review ON records(owner_id, review_date);
CREATE UNIQUE INDEX records_source ON records(owner_id, source_id, schema) WHERE source_id <> '';

CREATE TABLE record_agencies (
  record_seq BIGINT NOT NULL REFERENCES records(seq),
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  PRIMARY KEY (record_seq, agency_id)
);

CREATE TABLE record_keys (
  record_seq BIGINT NOT NULL REFERENCES records(seq),
  kind TEXT NOT NULL,
  key TEXT NOT NULL
);
CREATE INDEX record_keys_key ON record_keys(key, record_seq);
CREATE INDEX record_keys_record ON record_keys(record_seq);

CREATE TABLE record_crime_areas (
  record_seq BIGINT NOT NULL REFERENCES records(seq),
  area TEXT NOT NULL,
  PRIMARY KEY (area, record_seq)
);
CREATE INDEX record_crime_areas_record ON record_crime_areas(record_seq);

CREATE TABLE record_links (
  link_seq BIGINT NOT NULL REFERENCES records(seq),
  end_id TEXT NOT NULL
);
CREATE INDEX record_links_end ON record_links(end_id);
CREATE INDEX record_links_link ON record_links(link_seq);

CREATE TABLE record_versions (
  record_seq BIGINT NOT NULL REFERENCES records(seq),
  version INTEGER NOT NULL,
  changed_at BIGINT NOT NULL,
  changed_by TEXT NOT NULL,
  op TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (record_seq, version)
);

-- +goose Down
DROP TABLE record_versions;
DROP TABLE record_links;
DROP TABLE record_crime_areas;
DROP TABLE record_keys;
DROP TABLE record_agencies;
DROP TABLE records;
