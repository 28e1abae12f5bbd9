// ShardCatalog: what shardplan knows about where rows live — column types, PostgreSQL-identical hashing
// of distribution column values, and the hash ranges of shards. The catalog model and its loader
// (tables, colocation, shard ids and placements as a fresh Citus cluster assigns them) build on these.
