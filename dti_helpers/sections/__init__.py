"""The report sections: the section kit (``kit``, ``parts``, ``templates/``) and the built-in sections
(``province``, ``national``) made of it. Only the templates hold HTML."""
