// Keyset pagination: rows after the cursor $after = [key, rank, id] in the order (key, rank, %1.id),
// the id descending when %2 is true (so that a descending order is the exact reverse of its ascending one).
($after IS NULL OR key > $after[0] OR (key = $after[0] AND (rank > $after[1] OR (rank = $after[1] AND CASE WHEN %2 THEN %1.id < $after[2] ELSE %1.id > $after[2] END))))
