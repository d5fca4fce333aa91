// Keyset pagination: rows after the cursor $after = [key, rank, id] in the order (key, rank, %1.id).
($after IS NULL OR key > $after[0] OR (key = $after[0] AND (rank > $after[1] OR (rank = $after[1] AND %1.id > $after[2]))))
