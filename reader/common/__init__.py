"""Small helpers the layers share: wording, slugs, digests, safe writes, the cache folder."""
