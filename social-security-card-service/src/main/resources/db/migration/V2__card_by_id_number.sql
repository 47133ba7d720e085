-- A person's cards are looked up by the keyed hash of the ID number whatever their status: the
-- one-in-force check before every issue, and the search by ID number. card_one_in_force covers
-- only the cards in force (a partial index), which those queries cannot use, so each of them read
-- the whole table: PostgreSQL's CPU per issued card grew with the cards (the writes benchmark).
CREATE INDEX card_id_number_hash ON card (id_number_hash);
