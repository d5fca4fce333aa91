// The truthy edges of some types at many nodes ($ids), in one direction (see the fragment).
{{edges-of-ids $ids}}
