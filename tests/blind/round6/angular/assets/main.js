/* client bundle placeholder: the pages are fully server-rendered */
