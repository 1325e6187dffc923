// SXEngine module. See Package.swift for its layer.
