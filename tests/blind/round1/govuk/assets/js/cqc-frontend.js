// placeholder for govuk-frontend initAll()
