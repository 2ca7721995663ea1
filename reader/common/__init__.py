"""Small helpers the layers share: wording, slugs, digests, safe writes and the cache folder. No Qt."""
