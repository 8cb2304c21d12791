"""Party members, delegates, credentials, personnel planning and elections."""
