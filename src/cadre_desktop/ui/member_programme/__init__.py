"""The member training programme page: years, registrations, the branch score grid."""
